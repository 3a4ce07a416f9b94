import type { ReactNode } from 'react';
import { useStore } from '../store';
import { AddAccountDialog } from './add-account-dialog';
import { CreateTokenDialog } from './create-token-dialog';
import { ForgetTokenDialog } from './forget-token-dialog';
import { ImportDialog } from './import-dialog';
import { PublishDialog } from './publish-dialog';
import { RenameTokenDialog } from './rename-token-dialog';
import { ReplaceTokenDialog } from './replace-token-dialog';
import { RevokeTokenDialog } from './revoke-token-dialog';
import { RotationDialog } from './rotation-dialog';
import { RotationsDialog } from './rotations-dialog';
import { SetCredentialDialog } from './set-credential-dialog';
import { TrackTokenDialog } from './track-token-dialog';

/** Renders whichever dialog the UI state asks for; closing one unmounts it and its state. */
export function DialogHost(): ReactNode {
  const dialog = useStore((s) => s.dialog);
  if (dialog === null) return null;
  switch (dialog.kind) {
    case 'add-account':
      return <AddAccountDialog />;
    case 'set-credential':
      return <SetCredentialDialog key={dialog.accountId} accountId={dialog.accountId} />;
    case 'create-token':
      return <CreateTokenDialog key={dialog.accountId} accountId={dialog.accountId} />;
    case 'track-token':
      return <TrackTokenDialog key={dialog.accountId} accountId={dialog.accountId} />;
    case 'revoke-token':
      return (
        <RevokeTokenDialog
          key={`${dialog.accountId}/${dialog.tokenId}`}
          accountId={dialog.accountId}
          tokenId={dialog.tokenId}
        />
      );
    case 'forget-token':
      return (
        <ForgetTokenDialog
          key={`${dialog.accountId}/${dialog.tokenId}`}
          accountId={dialog.accountId}
          tokenId={dialog.tokenId}
        />
      );
    case 'rename-token':
      return (
        <RenameTokenDialog
          key={`${dialog.accountId}/${dialog.tokenId}`}
          accountId={dialog.accountId}
          tokenId={dialog.tokenId}
        />
      );
    case 'import':
      return <ImportDialog />;
    case 'rotation':
      return <RotationDialog key={dialog.rotationId} rotationId={dialog.rotationId} />;
    case 'rotations':
      return <RotationsDialog />;
    case 'replace-token':
      return (
        <ReplaceTokenDialog
          key={`${dialog.accountId}/${dialog.tokenId}/${dialog.mode}`}
          accountId={dialog.accountId}
          tokenId={dialog.tokenId}
          mode={dialog.mode}
        />
      );
    case 'publish':
      return (
        <PublishDialog
          key={`${dialog.accountId}/${dialog.tokenId}`}
          accountId={dialog.accountId}
          tokenId={dialog.tokenId}
        />
      );
  }
}

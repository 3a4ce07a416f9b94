import { useEffect, useState, type ReactNode } from 'react';
import { decodeError } from '../../../shared/errors';
import { tokenKey } from '../lib/token-key';
import { useStore } from '../store';
import { selectToken } from '../store/selectors';
import '../styles/rotation.css';
import { Modal } from './modal';
import { PublishBindingList } from './publish-binding-list';
import { PublishTargetForm } from './publish-target-form';

interface PublishDialogProps {
  accountId: string;
  tokenId: string;
}

type Load = { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };

/**
 * Where the token's secret goes besides the keychain: CI secrets and variables, local files.
 * Rotation publishes to the same targets before it revokes the old token.
 */
export function PublishDialog({ accountId, tokenId }: PublishDialogProps): ReactNode {
  const ref = { accountId, tokenId };
  const token = useStore((s) => selectToken(s, accountId, tokenId));
  const bindings = useStore((s) => s.bindings[tokenKey({ accountId, tokenId })]);
  const loadBindings = useStore((s) => s.loadBindings);
  const runPublish = useStore((s) => s.runPublish);
  const closeDialog = useStore((s) => s.closeDialog);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [adding, setAdding] = useState(false);
  const [summary, setSummary] = useState<{ ok: boolean; text: string } | null>(null);
  const [publishing, setPublishing] = useState(false);

  useEffect(() => {
    loadBindings({ accountId, tokenId }).then(
      () => setLoad({ kind: 'ready' }),
      (error: unknown) => setLoad({ kind: 'failed', message: decodeError(error).message }),
    );
  }, [loadBindings, accountId, tokenId]);

  const list = bindings ?? [];
  const publishAll = async (): Promise<void> => {
    setPublishing(true);
    setSummary(null);
    try {
      const results = await runPublish(ref);
      const good = results.filter((r) => r.ok && r.verifiedAt !== null).length;
      setSummary({
        ok: good === results.length,
        text:
          good === results.length
            ? `All ${results.length} targets updated and read back.`
            : `${good} of ${results.length} targets updated and read back; see the failures below.`,
      });
    } catch (thrown) {
      setSummary({ ok: false, text: decodeError(thrown).message });
    }
    setPublishing(false);
  };

  const name = token === undefined ? 'token' : token.name;
  return (
    <Modal label="Publish to CI" size="wide" onClose={closeDialog}>
      <h2 className="modal-title">Publish to CI</h2>
      <p className="modal-subtitle">{name}</p>
      {load.kind === 'loading' ? <p className="muted">Loading targets…</p> : null}
      {load.kind === 'failed' ? (
        <p role="alert" className="form-error">
          {load.message}
        </p>
      ) : null}
      {load.kind === 'ready' ? <PublishBindingList tokenRef={ref} bindings={list} /> : null}
      {summary === null ? null : (
        <p
          role="status"
          data-testid="publish-summary"
          className={summary.ok ? 'result-ok' : 'result-failed'}
        >
          {summary.text}
        </p>
      )}
      {adding ? (
        <PublishTargetForm
          tokenRef={ref}
          onAdded={() => setAdding(false)}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <div className="modal-actions">
          <button type="button" onClick={closeDialog}>
            Close
          </button>
          <button type="button" disabled={load.kind !== 'ready'} onClick={() => setAdding(true)}>
            Add a target
          </button>
          <button
            type="button"
            className="primary"
            disabled={list.length === 0 || publishing}
            onClick={() => void publishAll()}
          >
            {publishing ? 'Publishing…' : 'Publish now'}
          </button>
        </div>
      )}
      <p className="field-hint">
        Rotating {name} publishes the new secret to every target before the old token is revoked.
        Removing a target leaves what it holds in place.
      </p>
    </Modal>
  );
}

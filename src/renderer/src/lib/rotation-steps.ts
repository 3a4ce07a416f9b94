import type { RotationMethod, RotationStep } from '../../../shared/model';

export interface StepText {
  label: string;
  explanation: string;
}

function createText(method: RotationMethod, service: string): StepText {
  switch (method) {
    case 'overlap':
      return {
        label: 'Create',
        explanation: `A second token with the same settings is created at ${service}; the old one keeps working meanwhile.`,
      };
    case 'roll':
      return {
        label: 'Roll',
        explanation: `${service} issues a new secret for the token and ends the old one in the same call.`,
      };
    case 'guided':
      return {
        label: 'Paste',
        explanation: `You create the new token in ${service}'s dashboard and paste its secret here.`,
      };
  }
}

function revokeText(method: RotationMethod, service: string): StepText {
  const label = 'Revoke old';
  switch (method) {
    case 'overlap':
      return {
        label,
        explanation: `The old token is revoked at ${service} and its secret removed from the keychain.`,
      };
    case 'roll':
      return {
        label,
        explanation: `TokenDesk proves the old secret no longer works at ${service}, then forgets it.`,
      };
    case 'guided':
      return {
        label,
        explanation: `You revoke the old token in ${service}'s dashboard; TokenDesk proves it no longer works.`,
      };
  }
}

/** Each step in the user's words; what happens depends on how the service rotates. */
export function stepText(step: RotationStep, method: RotationMethod, service: string): StepText {
  switch (step) {
    case 'intent':
      return {
        label: 'Plan',
        explanation:
          'TokenDesk checked the token can be rotated and wrote down the plan first, so nothing is lost if it stops half way.',
      };
    case 'create':
      return createText(method, service);
    case 'store':
      return {
        label: 'Store',
        explanation: 'The new secret goes into your system keychain before anything else.',
      };
    case 'verify':
      return {
        label: 'Verify',
        explanation: `TokenDesk calls ${service} with the new secret to prove it works.`,
      };
    case 'publish':
      return {
        label: 'Publish',
        explanation:
          'CI secrets and files bound to the token get the new secret, each read back to check.',
      };
    case 'promote':
      return {
        label: 'Promote',
        explanation: 'The new token becomes the current one in TokenDesk.',
      };
    case 'revoke':
      return revokeText(method, service);
  }
}

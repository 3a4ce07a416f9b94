// Run as a child process with a D-Bus address where no keychain answers: adds an account the
// way the renderer would and prints what came back, and what the app then lists.
import { DEMO_TENANT, DEMO_USER } from '../../../sim/kestra/kestra-seeds';
import { startRecordingStack } from './recording-stack';

async function main(): Promise<void> {
  const stack = await startRecordingStack('TokenDesk-no-daemon');
  const add = await stack.call('accounts:add', {
    provider: 'kestra',
    label: 'No keychain',
    baseUrl: process.env['SIM_URL'],
    settings: { userId: DEMO_USER, tenant: DEMO_TENANT },
    credential: process.env['CANARY'],
  });
  const list = await stack.call('accounts:list', {});
  console.log(JSON.stringify({ add, list, replies: stack.replies, dataDir: stack.dataDir }));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ crashed: String(error) }));
});

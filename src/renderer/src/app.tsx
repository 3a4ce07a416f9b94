import { useEffect, type ReactNode } from 'react';
import { api } from './lib/api';
import { useAttentionEvents } from './lib/use-attention-events';
import { useNoticeEvents } from './lib/use-notice-events';
import { useStore } from './store';
import { StartupScreen } from './components/startup-screen';
import { Workspace } from './components/workspace';

export function App(): ReactNode {
  const lifecycle = useStore((s) => s.lifecycle);
  const applyInventory = useStore((s) => s.applyInventory);
  const applyRotation = useStore((s) => s.applyRotation);
  const start = useStore((s) => s.start);

  // Subscribed before the first load so no refresh result pushed meanwhile is missed.
  useEffect(() => api.events.onInventoryChanged(applyInventory), [applyInventory]);
  useEffect(() => api.events.onRotationProgress(applyRotation), [applyRotation]);
  useAttentionEvents();
  useNoticeEvents();

  useEffect(() => {
    void start();
  }, [start]);

  return (
    // e2e waits for data-app-state="ready"; it is the app's readiness signal.
    <div className="app" data-app-state={lifecycle}>
      {lifecycle === 'ready' ? <Workspace /> : <StartupScreen />}
    </div>
  );
}

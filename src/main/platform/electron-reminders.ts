import { app, nativeImage, Notification, Tray } from 'electron';
import type { Reminder } from '../../shared/attention-model';
import type { ReminderPort } from '../core/attention/reminder-scheduler';
import { TRAY_ICON_DATA_URL } from './tray-icon';

export interface TokenRef {
  accountId: string;
  tokenId: string;
}

export interface ElectronRemindersOptions {
  /** The user clicked a reminder: show the window with this token selected. */
  openToken: (ref: TokenRef) => void;
  /** The user clicked the tray icon. */
  showWindow: () => void;
}

export interface ElectronReminders extends ReminderPort {
  dispose(): void;
}

const APP_NAME = 'TokenDesk';

/** Reminders on the desktop: a notification per reminder, and the count on the tray and dock. */
export function createElectronReminders(options: ElectronRemindersOptions): ElectronReminders {
  let tray: Tray | null = null;
  // A notification nobody references is garbage-collected with its click handler (Electron
  // issue #12690): keep each one until it is closed.
  const shown = new Set<Notification>();

  return {
    remind(reminder: Reminder) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({
        title: reminder.title,
        body: reminder.body,
        urgency: reminder.urgency === 'critical' ? 'critical' : 'normal',
      });
      shown.add(notification);
      notification.on('click', () => {
        shown.delete(notification);
        options.openToken({ accountId: reminder.accountId, tokenId: reminder.tokenId });
      });
      notification.on('close', () => shown.delete(notification));
      notification.show();
    },

    count(count: number) {
      if (tray === null) {
        tray = new Tray(nativeImage.createFromDataURL(TRAY_ICON_DATA_URL));
        tray.on('click', options.showWindow);
      }
      tray.setToolTip(
        count === 0
          ? APP_NAME
          : `${APP_NAME}: ${count} ${count === 1 ? 'token needs' : 'tokens need'} attention`,
      );
      // The number beside the icon on macOS; other systems show the tooltip and the badge.
      if (process.platform === 'darwin') tray.setTitle(count === 0 ? '' : String(count));
      app.setBadgeCount(count);
    },

    dispose() {
      if (tray !== null) tray.destroy();
      tray = null;
      shown.clear();
    },
  };
}

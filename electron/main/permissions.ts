// The console asks the browser for nothing: main shows the notifications, files are saved
// through downloads, and there is no camera, microphone, location, MIDI or device access to
// give. So every permission request and every permission check from any page is refused.

/** For `session.setPermissionRequestHandler`: answers no, whatever was asked. */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** For `session.setPermissionCheckHandler`: nothing is granted. */
export function denyPermissionCheck(): boolean {
  return false;
}

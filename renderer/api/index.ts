import type { CommandPostApi } from '../../shared/contract/api';
import { ElectronClient } from './electron-client';
import { takeSessionToken } from './session-token';
import { WsClient, webSocketUrl } from './ws-client';

/** Inside Electron the preload provides the bridge; in a browser the page talks to its host. */
function createApi(): CommandPostApi {
  if (window.commandPost) return new ElectronClient(window.commandPost);
  return new WsClient(webSocketUrl(takeSessionToken()));
}

export const api: CommandPostApi = createApi();

import type { CommandPostApi } from '../../shared/contract/api';
import { ElectronClient } from './electron-client';
import { WsClient, webSocketUrl } from './ws-client';

/**
 * Inside Electron the preload provides the bridge; in a browser the page talks to its host,
 * signed in by the HttpOnly cookie the host set: the page itself holds no secret.
 */
function createApi(): CommandPostApi {
  if (window.commandPost) return new ElectronClient(window.commandPost);
  return new WsClient(webSocketUrl());
}

export const api: CommandPostApi = createApi();

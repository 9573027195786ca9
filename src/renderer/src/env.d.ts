/// <reference types="vite/client" />
import type { CloudscopeApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the test bridge (browser); the renderer's only way out. */
    api: CloudscopeApi;
  }
}

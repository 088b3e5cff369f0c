import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Tokens and shared pieces first, so each component's own sheet can refine them.
import './styles/base.css';
import { api } from './api';
import { App } from './components/App';
import { trackFocusOrigin } from './components/focus-return';
import { startSync } from './store/start-sync';

startSync(api);
trackFocusOrigin();

const root = document.getElementById('root');
if (!root) throw new Error('Command Post: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

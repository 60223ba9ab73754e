import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/setup.js';
import './styles.css';
import { App } from './app/App.js';

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

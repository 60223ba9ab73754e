import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// PLACEHOLDER entry point; the app replaces it.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <h1>pkimm</h1>
  </StrictMode>,
);

// Global styles first, so component styles that follow can refine them.
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/queryClient';
import { App } from './app/App';
import { TimeZoneProvider } from './components/TimeZone';

const queryClient = createQueryClient();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <TimeZoneProvider>
          <App />
        </TimeZoneProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

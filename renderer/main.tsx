import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseExitGate } from './api/exitGate.js';
import { chooseTransport } from './api/index.js';
import { persistPreferences, readPreferences } from './preferences.js';
import { createBoardStore } from './store/boardStore.js';
import { BoardStoreProvider } from './store/context.js';
import { App } from './views/App.js';
import { ExitPrompt } from './views/console/ExitPrompt.js';
import './styles.css';

// The composition root: the only place that knows the window, the storage and the transport.
const store = createBoardStore(chooseTransport(), readPreferences(window.location, window.localStorage));
persistPreferences(store, window.localStorage);

const exitGate = chooseExitGate();

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <BoardStoreProvider store={store}>
      <App />
      {exitGate !== null && <ExitPrompt gate={exitGate} />}
    </BoardStoreProvider>
  </StrictMode>,
);

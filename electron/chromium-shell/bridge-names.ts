/** Names shared by the shell (Node) and its page bridge (browser). */
export const CALL_BINDING = '__verhuisCall';
export const EVENT_NAME = 'verhuis:event';

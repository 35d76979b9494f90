// The clock lives with the services that take it (services import nothing from app/); kept
// here too for the entry points and tests that import it from the composition root.
export { fixedClock, systemClock, type Clock } from '../services/clock';

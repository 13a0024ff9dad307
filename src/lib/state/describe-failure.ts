/** The page's state modules read failures the one way the whole app does. */
export { UNEXPLAINED_FAILURE, describeFailure } from '../describe-failure.ts';

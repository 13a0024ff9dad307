/**
 * Which page of the SES workspace is showing. Shared so that Compose (after a send) and the
 * command palette can open a page by its id.
 */

/** The page a new visit opens on. */
export const FIRST_SES_PAGE = 'account';

/** The SES workspace's navigation: the page showing. */
export class SesNavigation {
  page = $state(FIRST_SES_PAGE);

  /** Show a page by its id (see the workspace's page list). */
  open(id: string): void {
    this.page = id;
  }
}

/** The one SES navigation of the page. */
export const sesNavigation = new SesNavigation();

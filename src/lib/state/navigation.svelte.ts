/**
 * Which workspace is showing. Shared so that one workspace can send the person to another (e.g.
 * Inspect's `Edit in Compose`); the page's address never changes, so no URL carries anything.
 */

/** The workspaces, in tab order. */
export const WORKSPACES = [
  { id: 'compose', label: 'Compose' },
  { id: 'inspect', label: 'Inspect' },
  { id: 'ses', label: 'SES' },
] as const;

/** A workspace's id. */
export type WorkspaceId = (typeof WORKSPACES)[number]['id'];

/** The app's navigation: the active workspace. */
export class Navigation {
  active: WorkspaceId = $state('compose');
  /** Bumped when Compose must start again from the drafts store (a draft was made elsewhere). */
  composeGeneration = $state(0);
  /** A message another workspace asked Inspect to open; Inspect takes it and clears it. */
  inspectRequest: File | undefined = $state.raw();

  /** Show a workspace. */
  open(id: WorkspaceId): void {
    this.active = id;
  }

  /** Open a message (e.g. one the SES simulator delivered) in Inspect. */
  openInInspect(file: File): void {
    this.inspectRequest = file;
    this.active = 'inspect';
  }

  /** Open a message's bytes in Inspect as a `.eml` file named `fileName`. */
  openBytesInInspect(bytes: Uint8Array, fileName: string): void {
    // A copy: the File must not follow later changes to the caller's buffer.
    this.openInInspect(
      new File([bytes.slice().buffer as ArrayBuffer], fileName, { type: 'message/rfc822' }),
    );
  }

  /** Make Compose open the current draft afresh, e.g. one another workspace just created. */
  reloadCompose(): void {
    this.composeGeneration++;
  }
}

/** The one navigation of the page. */
export const navigation = new Navigation();

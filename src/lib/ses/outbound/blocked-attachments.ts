/**
 * The attachment types SES refuses to send (ses-facts §2.5). The list lives with the MIME engine,
 * whose builder warns about the same files; the simulator refuses them.
 */
export {
  BLOCKED_ATTACHMENT_EXTENSIONS,
  isBlockedAttachment,
} from '../../mime/build-diagnostics.ts';

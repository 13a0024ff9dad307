/**
 * The attachment types SES refuses to send (ses-facts §2.5, "Unsupported attachment types"; the
 * page says 85 but lists these 90).
 */

/** File name extensions SES will not send, lower-case, without the dot. */
export const BLOCKED_ATTACHMENT_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    'ade adp app asp bas bat cer chm cmd com cpl crt csh der exe fxp gadget hlp hta inf ins isp ' +
    'its js jse ksh lib lnk mad maf mag mam maq mar mas mat mau mav maw mda mdb mde mdt mdw mdz ' +
    'msc msh msh1 msh2 mshxml msh1xml msh2xml msi msp mst ops pcd pif plg prf prg reg scf scr sct ' +
    'shb shs sys ps1 ps1xml ps2 ps2xml psc1 psc2 tmp url vb vbe vbs vps vsmacros vss vst vsw vxd ' +
    'ws wsc wsf wsh xnk'
  ).split(' '),
);

/** Whether SES refuses an attachment with this file name (by its last extension, any case). */
export function isBlockedAttachment(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return false;
  return BLOCKED_ATTACHMENT_EXTENSIONS.has(
    fileName
      .slice(dot + 1)
      .trim()
      .toLowerCase(),
  );
}

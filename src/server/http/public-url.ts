/** The address the public reaches the installation at (QR codes, one-time links), without a trailing slash. */
export function publicUrlOf(config: { publicUrl?: string | undefined }): string {
  return (config.publicUrl ?? process.env.TDKT_PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/u, '');
}

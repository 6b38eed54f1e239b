/** A multipart/form-data body of files, as the page's file inputs send it (for `app.inject`). */
export function multipartBody(files: { name: string; bytes: Buffer }[], field = 'files'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----chitieu-test-boundary';
  const parts: Buffer[] = [];
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

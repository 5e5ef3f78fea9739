// Reading a password in a terminal without echoing it, or from standard input for scripts
// (`--password-stdin`), so that it never appears in the shell's history or `ps`.
import { stdin, stdout } from 'node:process'

export async function readStdinSecret(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

export function promptSecret(question: string): Promise<string> {
  if (!stdin.isTTY) return Promise.reject(new Error('No terminal to ask for a password: pass --password-stdin and pipe it in.'))
  return new Promise((resolve, reject) => {
    let value = ''
    stdout.write(question)
    stdin.setRawMode(true)
    stdin.resume()
    const finish = (result: string | Error) => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.off('data', onData)
      stdout.write('\n')
      if (result instanceof Error) reject(result)
      else resolve(result)
    }
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(value)
        if (char === '\u0003') return finish(new Error('Cancelled.'))
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1)
        else value += char
      }
    }
    stdin.on('data', onData)
  })
}

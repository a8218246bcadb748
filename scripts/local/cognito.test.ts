import { describe, expect, it } from 'vitest';
import { describeCodeDeliveries } from './cognito';

// Verbatim shape of cognito-local 5.3's console output (pino-pretty, one entry per write).
const box = (target: string, email: string, code: string) =>
  `[1795395818235] \u001b[32mINFO\u001b[39m: \u001b[36m94964926 ${target} ╭──────────╮\n│   Confirmation Code Delivery   │\n│                                │\n│   Username:    75676919-49b5-46ad-96b4-a7b668b95d0d   │\n│   Destination: ${email}   │\n│   Code:        ${code}   │\n╰──────────╯\u001b[39m \u001b[90m{"reqId":"94964926","target":"${target}"}\u001b[39m\n`;

describe('describeCodeDeliveries', () => {
  it('turns each code box into one line with the address, the code and what it is for', () => {
    const lines = describeCodeDeliveries(box('SignUp', 'ana@prueba.vita', '624221') + box('ForgotPassword', 'luis@prueba.vita', '102950'));
    expect(lines.map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''))).toEqual([
      'código para ana@prueba.vita: 624221 (confirmar registro)',
      'código para luis@prueba.vita: 102950 (restablecer contraseña)',
    ]);
  });

  it('ignores the emulator’s other log lines', () => {
    expect(describeCodeDeliveries('[1] INFO: NONE NONE Cognito Local running on http://127.0.0.1:9229\n{"statusCode":200}')).toEqual([]);
  });
});

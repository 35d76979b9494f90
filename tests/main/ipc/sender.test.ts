import { describe, expect, it } from 'vitest';
import { describeSender, isTrustedSender } from '../../../src/main/ipc/sender';

const APP = 'app://catalyst/index.html';

describe('isTrustedSender', () => {
  it('trusts only the main window top frame on the app origin', () => {
    expect(isTrustedSender({ url: APP, topFrame: true, mainWindow: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://catalyst/', topFrame: true, mainWindow: true })).toBe(true);
  });

  it.each([
    [{ url: APP, topFrame: false, mainWindow: true }, 'an iframe of the main window'],
    [{ url: APP, topFrame: true, mainWindow: false }, 'another window'],
    [{ url: APP }, 'a sender without frame facts (fails closed)'],
    [{ url: 'https://evil.example/', topFrame: true, mainWindow: true }, 'a remote page in the main window'],
    [{ url: 'file:///tmp/index.html', topFrame: true, mainWindow: true }, 'a file page'],
    [{ url: 'app://evil/index.html', topFrame: true, mainWindow: true }, 'another app host'],
    [{ url: '', topFrame: true, mainWindow: true }, 'an empty URL'],
    [{ url: 'http://localhost:5173/', topFrame: true, mainWindow: true }, 'the dev server when not in development'],
  ])('refuses %o (%s)', (sender: { url: string; topFrame?: boolean; mainWindow?: boolean }, _label: string) => {
    expect(isTrustedSender(sender)).toBe(false);
  });

  it('trusts the dev server origin only when given', () => {
    const dev = { url: 'http://localhost:5173/', topFrame: true, mainWindow: true };
    expect(isTrustedSender(dev, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender({ ...dev, url: 'http://localhost:5174/' }, 'http://localhost:5173')).toBe(false);
  });
});

describe('describeSender', () => {
  const main = { id: 1 };
  const other = { id: 2 };
  const top = { url: APP, parent: null };
  const child = { url: APP, parent: top };

  it('reads the frame URL, whether it is a top frame, and whether it is the main window', () => {
    expect(describeSender({ sender: main, senderFrame: top }, main)).toEqual({
      url: APP,
      topFrame: true,
      mainWindow: true,
    });
    expect(describeSender({ sender: main, senderFrame: child }, main)).toEqual({
      url: APP,
      topFrame: false,
      mainWindow: true,
    });
    expect(describeSender({ sender: other, senderFrame: top }, main)).toEqual({
      url: APP,
      topFrame: true,
      mainWindow: false,
    });
  });

  it('gives an untrusted sender when the frame is gone, throws on access, or there is no main window', () => {
    expect(describeSender({ sender: main, senderFrame: null }, main)).toEqual({
      url: '',
      topFrame: false,
      mainWindow: false,
    });
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(describeSender({ sender: main, senderFrame: disposed }, main)).toEqual({
      url: '',
      topFrame: false,
      mainWindow: false,
    });
    expect(isTrustedSender(describeSender({ sender: main, senderFrame: top }, null))).toBe(false);
  });
});

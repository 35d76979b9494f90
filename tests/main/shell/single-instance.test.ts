import { describe, expect, it } from 'vitest';
import { fileToOpen, handOff } from '../../../src/main/shell/single-instance';

describe('the file a launch asks to open', () => {
  it('finds it on the command line, and nothing else', () => {
    expect(fileToOpen(['/opt/Catalyst/catalyst', '/home/u/tech.catalyst.json'], 1)).toBe('/home/u/tech.catalyst.json');
    expect(fileToOpen(['electron', '.', '--no-sandbox', 'C:\\lists\\tv.txt'], 2)).toBe('C:\\lists\\tv.txt');
    expect(fileToOpen(['/opt/Catalyst/catalyst', '--enable-logging'], 1)).toBeNull();
    expect(fileToOpen(['/opt/Catalyst/catalyst', '/usr/bin/ls'], 1)).toBeNull();
    // Chromium's own switches a second instance's argv carries are not files.
    expect(fileToOpen(['C:\\Catalyst\\Catalyst.exe', '--allow-file-access-from-files', 'D:\\a.csv'], 1)).toBe(
      'D:\\a.csv',
    );
  });
});

describe('handOff: what the running instance does for a second launch', () => {
  const packaged = (...files: string[]) => ({ argv: ['/opt/Catalyst/catalyst', ...files], skip: 1 });

  it('opens the file now and brings a minimised window back to the front', () => {
    expect(handOff(packaged('/home/u/rally.catalyst.json'), { started: true, window: 'minimized' })).toEqual({
      createWindow: false,
      open: '/home/u/rally.catalyst.json',
      openWhen: 'now',
      restore: true,
      focus: true,
    });
  });

  it('only focuses a shown window when the launch names no file', () => {
    expect(handOff(packaged(), { started: true, window: 'shown' })).toEqual({
      createWindow: false,
      open: null,
      openWhen: 'now',
      restore: false,
      focus: true,
    });
  });

  it('makes the window again first on macOS when every window was closed', () => {
    const d = handOff({ file: '/Users/u/prices.csv' }, { started: true, window: 'none' });
    expect(d).toMatchObject({ createWindow: true, open: '/Users/u/prices.csv', openWhen: 'now', focus: true });
  });

  it('keeps the file until start-up is done, and makes no second window meanwhile', () => {
    expect(handOff(packaged('/tmp/list.txt'), { started: false, window: 'none' })).toEqual({
      createWindow: false,
      open: '/tmp/list.txt',
      openWhen: 'after-start',
      restore: false,
      focus: false,
    });
    expect(handOff(packaged('/tmp/list.txt'), { started: false, window: 'shown' })).toMatchObject({ focus: true });
  });

  it('hands off nothing that is not a file Catalyst reads', () => {
    expect(handOff(packaged('--inspect=9229', '/usr/bin/ls'), { started: true, window: 'shown' }).open).toBeNull();
    expect(handOff({ file: '' }, { started: true, window: 'shown' }).open).toBeNull();
  });
});

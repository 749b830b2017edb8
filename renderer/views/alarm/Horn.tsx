import { useEffect, useRef, useState } from 'react';
import { hornPattern } from '../../../electron/core/incident/selectors.js';
import { HornPlayer } from '../../audio/horn.js';
import { useMessages } from '../../i18n/useMessages.js';
import { useBoard } from '../../store/context.js';
import { useHostNow } from '../../store/useHostNow.js';

type AudioStatus = 'running' | 'suspended' | 'unavailable';

const statusOf = (context: AudioContext): AudioStatus => (context.state === 'running' ? 'running' : 'suspended');

/**
 * The board's one horn. It plays while any alarm is unacknowledged, unsilenced and unshelved
 * (core hornPattern), whatever their number; silence is per alarm, so there is no mute here.
 * Browsers keep audio off until someone uses the page: until then a button says so, and any
 * click or key press on the page turns sound on as well.
 */
export function Horn() {
  const t = useMessages();
  // Re-evaluated every second: a silence runs out by the clock, with no event to say so.
  const now = useHostNow();
  const pattern = useBoard((s) => hornPattern(s.board, now));
  const [audio, setAudio] = useState<AudioStatus>(() => (typeof window.AudioContext === 'function' ? 'suspended' : 'unavailable'));
  const contextRef = useRef<AudioContext | null>(null);
  const playerRef = useRef<HornPlayer | null>(null);

  useEffect(() => {
    if (typeof window.AudioContext !== 'function') return;
    let context: AudioContext;
    try {
      context = new window.AudioContext();
    } catch {
      // The browser refused an audio device: the notice says so, as it would without Web Audio.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setAudio('unavailable');
      return;
    }
    const player = new HornPlayer(context);
    contextRef.current = context;
    playerRef.current = player;
    // The press that turns sound on also removes the notice, and the page below it moves up. Done
    // while the pointer is still down, the release lands elsewhere and that click is lost; so the
    // notice waits until the press is over (its click included).
    let pressed = false;
    let held: AudioStatus | null = null;
    let releaseTimer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      if (pressed) held = statusOf(context);
      else setAudio(statusOf(context));
    };
    // The context's state is outside React: read it once now, then follow its changes.
    update();
    context.addEventListener('statechange', update);
    const resume = () => {
      if (context.state === 'suspended') void context.resume().catch(() => undefined);
    };
    const press = () => {
      pressed = true;
      resume();
    };
    const release = () => {
      clearTimeout(releaseTimer);
      releaseTimer = setTimeout(() => {
        pressed = false;
        if (held !== null) setAudio(held);
        held = null;
      }, 0);
    };
    document.addEventListener('pointerdown', press, true);
    document.addEventListener('pointerup', release, true);
    document.addEventListener('pointercancel', release, true);
    document.addEventListener('keydown', resume, true);
    return () => {
      clearTimeout(releaseTimer);
      document.removeEventListener('pointerdown', press, true);
      document.removeEventListener('pointerup', release, true);
      document.removeEventListener('pointercancel', release, true);
      document.removeEventListener('keydown', resume, true);
      context.removeEventListener('statechange', update);
      player.dispose();
      playerRef.current = null;
      contextRef.current = null;
      void context.close().catch(() => undefined);
    };
  }, []);

  useEffect(() => {
    playerRef.current?.setPattern(pattern);
    // Tones are queued only while the context runs; once it does, start at once.
    playerRef.current?.pump();
  }, [pattern, audio]);

  const enable = () => {
    void contextRef.current?.resume().catch(() => undefined);
  };

  return (
    <div className="horn" data-horn={pattern ?? 'off'} data-audio={audio}>
      {audio === 'suspended' && (
        <p role="alert" className="horn__blocked">
          <span>{t.alarm.soundBlocked}</span>{' '}
          <button type="button" className="button button--primary" onClick={enable}>
            {t.alarm.enableSound}
          </button>
        </p>
      )}
      {audio === 'unavailable' && (
        <p role="alert" className="horn__blocked">
          {t.alarm.soundUnavailable}
        </p>
      )}
    </div>
  );
}

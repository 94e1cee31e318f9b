// The click-clack: two short claw taps synthesised with Web Audio (a filtered noise burst over a soft
// tone, the second a little lower), so no sound file is shipped. The AudioContext is made on first use;
// browsers only let it start after a user gesture, so `prime()` is called from the first input after a
// page load and from the settings toggle, and a sound that cannot play yet is simply skipped.

const TAPS = [
  { delayS: 0, freqHz: 2100 },
  { delayS: 0.085, freqHz: 1550 },
];
const TAP_S = 0.05;
const VOLUME = 0.18;

let ctx: AudioContext | null = null;

function context(): AudioContext | null {
  if (ctx) return ctx;
  if (typeof AudioContext !== "function") return null;
  ctx = new AudioContext();
  return ctx;
}

/** Creates or resumes the audio context inside a user gesture, so later sounds may play. */
export function prime(): void {
  const c = context();
  if (c?.state === "suspended") void c.resume().catch(() => {});
}

/** Plays the click-clack once (quietly; skipped when the browser has not allowed audio yet). */
export function clack(): void {
  const c = context();
  if (!c || c.state !== "running") return;
  const start = c.currentTime + 0.01;
  for (const tap of TAPS) playTap(c, start + tap.delayS, tap.freqHz);
}

function playTap(c: AudioContext, at: number, freqHz: number): void {
  const noise = c.createBuffer(1, Math.ceil(c.sampleRate * TAP_S), c.sampleRate);
  const data = noise.getChannelData(0);
  for (let i = 0; i < data.length; i++)
    data[i] = (Math.random() * 2 - 1) * (1 - i / data.length) ** 3;
  const source = c.createBufferSource();
  source.buffer = noise;
  const band = c.createBiquadFilter();
  band.type = "bandpass";
  band.frequency.value = freqHz;
  band.Q.value = 6;

  const tone = c.createOscillator();
  tone.type = "triangle";
  tone.frequency.setValueAtTime(freqHz / 2, at);
  tone.frequency.exponentialRampToValueAtTime(freqHz / 3, at + TAP_S);

  const gain = c.createGain();
  gain.gain.setValueAtTime(VOLUME, at);
  gain.gain.exponentialRampToValueAtTime(0.001, at + TAP_S);
  source.connect(band).connect(gain);
  tone.connect(gain);
  gain.connect(c.destination);
  source.start(at);
  tone.start(at);
  tone.stop(at + TAP_S);
}

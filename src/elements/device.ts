/** Whether this browser runs on a mobile device (phone or tablet), for methods that do not support them. */
interface UADataLike {
  mobile?: boolean;
}

export function isMobileDevice(nav: Navigator = navigator): boolean {
  const data = (nav as Navigator & { userAgentData?: UADataLike }).userAgentData;
  if (data && typeof data.mobile === 'boolean' && data.mobile) return true;
  const ua = nav.userAgent;
  if (/Android|iPhone|iPad|iPod|Mobile|Windows Phone|HarmonyOS/i.test(ua)) return true;
  // iPadOS reports itself as a Mac; a Mac has no touch screen.
  return /Macintosh/.test(ua) && nav.maxTouchPoints > 1;
}

import { findElectronBinary, readElectronPackage } from '../../scripts/electron-start'
import { repoRoot } from './paths'

/** Electron 45 fetches its binary lazily; we only look, never trigger the download here. */
export const electronBinaryPresent = (): boolean =>
  findElectronBinary(readElectronPackage(repoRoot).dir, process.env) !== null

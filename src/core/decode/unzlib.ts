/** fflate's streaming zlib inflater alone: inflate.ts imports this module when first needed, and no more of fflate. */
export { Unzlib } from 'fflate';

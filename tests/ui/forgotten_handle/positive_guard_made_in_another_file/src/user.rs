// A guard made by a crate function in another file and forgotten here: the file that forgets
// it names no channel, no spawn and no guard type, and must still be read.
pub fn setup() {
    let g = crate::guard::install();
    std::mem::forget(g); //~ WARN forgotten_handle
}

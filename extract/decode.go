package extract

import "finexport/extract/textgrid"

// line is one line of a document with its 1-based number in the file.
type line = textgrid.Line

// ErrBinary is returned for input that is not text.
var ErrBinary = textgrid.ErrBinary

// ErrEmpty is returned for an empty input.
var ErrEmpty = textgrid.ErrEmpty

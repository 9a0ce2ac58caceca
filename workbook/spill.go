package workbook

import (
	"errors"
	"io"
	"os"
)

// spillMem is how much of a sheet's compressed rows stay in memory before
// they go to a temporary file: a small sheet never touches the disk, and
// a long one costs a quarter of a megabyte however long it is.
const spillMem = 256 << 10

// spill holds bytes in memory up to spillMem, then in a temporary file
// (named finexport-rows-*), which is removed as soon as it is made where
// the system allows it (so that a killed run leaves nothing behind) and
// otherwise by Close.
type spill struct {
	mem  []byte
	file *os.File
	name string // the file's name while it is still on disk
	size int64
}

// Write keeps b, in memory while it fits.
func (s *spill) Write(b []byte) (int, error) {
	if s.file == nil && len(s.mem)+len(b) <= spillMem {
		s.mem = append(s.mem, b...)
		s.size += int64(len(b))
		return len(b), nil
	}
	if s.file == nil {
		if err := s.toFile(); err != nil {
			return 0, err
		}
	}
	n, err := s.file.Write(b)
	s.size += int64(n)
	return n, err
}

// toFile moves what is held in memory to a new temporary file.
func (s *spill) toFile() error {
	f, err := os.CreateTemp("", "finexport-rows-*")
	if err != nil {
		return err
	}
	s.file, s.name = f, f.Name()
	if os.Remove(f.Name()) == nil { // Unix: gone once closed, even after a kill
		s.name = ""
	}
	if _, err := f.Write(s.mem); err != nil {
		return err
	}
	s.mem = nil
	return nil
}

// WriteTo writes everything held to w.
func (s *spill) WriteTo(w io.Writer) (int64, error) {
	if s.file == nil {
		n, err := w.Write(s.mem)
		return int64(n), err
	}
	return io.Copy(w, io.NewSectionReader(s.file, 0, s.size))
}

// Close lets go of what is held, and of the file.
func (s *spill) Close() error {
	s.mem = nil
	if s.file == nil {
		return nil
	}
	err := s.file.Close()
	if s.name != "" {
		err = errors.Join(err, os.Remove(s.name))
	}
	s.file, s.name = nil, ""
	return err
}

package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// archive is the zip writer excelize saves the workbook through: it
// compresses each part once, mending it on the way (a worksheet's head, the
// workbook part's defined names), and writes the parts in name order (an
// excelize save goes in map order; the same input must give the same
// bytes), each dated modified.
type archive struct {
	w        io.Writer
	modified time.Time
	used     map[string]string // worksheet part -> the range its cells use
	names    []byte            // the defined names for xl/workbook.xml
	parts    []*part
	open     *part
	flate    *flate.Writer // one compressor, reset for each part: making one costs more than a small part
	failed   error         // a part that could not be made: Close writes nothing
}

// part is one compressed entry, kept until the archive is closed.
type part struct {
	name       string
	compressed bytes.Buffer
	flate      *flate.Writer // the archive's, while this part is open
	crc        uint32
	size       uint64
	mend       *headMender // a worksheet's, or nil
	whole      []byte      // the workbook part, edited when it ends
}

var _ excelize.ZipWriter = (*archive)(nil)

// Create starts a part; the previous one ends.
func (a *archive) Create(name string) (io.Writer, error) {
	if err := a.end(); err != nil {
		a.failed = err
		return nil, err
	}
	p := &part{name: name}
	if a.flate == nil {
		fw, err := flate.NewWriter(&p.compressed, flate.DefaultCompression)
		if err != nil {
			return nil, err
		}
		a.flate = fw
	} else {
		a.flate.Reset(&p.compressed)
	}
	p.flate = a.flate
	if strings.HasPrefix(name, "xl/worksheets/sheet") {
		p.mend = &headMender{used: a.used[name]}
	}
	a.open = p
	return p, nil
}

// AddFS is not used by excelize's save.
func (a *archive) AddFS(fs.FS) error { return errors.New("workbook archive: AddFS is not supported") }

// Write takes a part's bytes, mending a worksheet's head first.
func (p *part) Write(b []byte) (int, error) {
	switch {
	case p.name == "xl/workbook.xml":
		p.whole = append(p.whole, b...)
		return len(b), nil
	case p.mend != nil && !p.mend.done:
		head, rest := p.mend.take(b)
		if err := p.put(head); err != nil {
			return 0, err
		}
		return len(b), p.put(rest)
	}
	return len(b), p.put(b)
}

// put compresses bytes into the part.
func (p *part) put(b []byte) error {
	p.crc = crc32.Update(p.crc, crc32.IEEETable, b)
	p.size += uint64(len(b))
	_, err := p.flate.Write(b)
	return err
}

// end finishes the open part.
func (a *archive) end() error {
	p := a.open
	if p == nil {
		return nil
	}
	a.open = nil
	if p.name == "xl/workbook.xml" && a.names != nil {
		edited, err := insertDefinedNames(p.whole, a.names)
		if err != nil {
			return err
		}
		p.whole = edited
	}
	if err := p.put(p.whole); err != nil {
		return err
	}
	if p.mend != nil && !p.mend.done {
		if err := p.put(p.mend.flush()); err != nil {
			return err
		}
	}
	if err := p.flate.Close(); err != nil {
		return err
	}
	a.parts = append(a.parts, p)
	return nil
}

// Close writes every part, in name order, to the archive's writer.
func (a *archive) Close() error {
	if a.failed != nil {
		return a.failed // excelize closes even after a failed save: no partial workbook
	}
	if err := a.end(); err != nil {
		return err
	}
	sort.Slice(a.parts, func(i, j int) bool { return a.parts[i].name < a.parts[j].name })
	zw := zip.NewWriter(a.w)
	for _, p := range a.parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc,
			CompressedSize64: uint64(p.compressed.Len()), UncompressedSize64: p.size}
		h.SetModTime(a.modified) // CreateRaw, unlike CreateHeader, writes only the MS-DOS date fields
		w, err := zw.CreateRaw(h)
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		if _, err := p.compressed.WriteTo(w); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	return zw.Close()
}

// headMender holds a worksheet's head (everything before its rows: views,
// formats, widths; small) until the rows begin, then mends it (see
// fixSheetHead); the rows pass through untouched.
type headMender struct {
	used string
	head []byte
	done bool
}

// take returns what can be written of b: nothing while the head lasts;
// the mended head and the rest of b once the rows begin. Only the head is
// copied: excelize hands over a sheet's rows in one piece, and the rows
// go on as they came.
func (m *headMender) take(b []byte) (head, rest []byte) {
	var at int
	if len(m.head) == 0 {
		at = bytes.Index(b, []byte("<sheetData"))
		if at >= 0 {
			m.done = true
			return fixSheetHead(b[:at], m.used), b[at:]
		}
	}
	m.head = append(m.head, b...)
	at = bytes.Index(m.head, []byte("<sheetData"))
	if at < 0 && len(m.head) < 8<<20 {
		return nil, nil
	}
	if at < 0 {
		at = len(m.head) // no rows within 8 MB: mend what there is
	}
	m.done = true
	return fixSheetHead(m.head[:at], m.used), m.head[at:]
}

// flush returns a head that never reached any rows, mended.
func (m *headMender) flush() []byte {
	m.done = true
	return fixSheetHead(m.head, m.used)
}

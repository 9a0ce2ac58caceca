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
	"time"

	"github.com/xuri/excelize/v2"
)

// archive is the zip writer excelize saves the workbook through: it
// compresses each part once, mending it on the way (a worksheet's head,
// the workbook part's defined names), puts each worksheet's rows (written
// and compressed apart, see rowWriter) into its part, and writes the
// parts in name order (an excelize save goes in map order; the same input
// must give the same bytes), each dated modified.
type archive struct {
	w        io.Writer
	modified time.Time
	sheets   map[string]*sheetPart // worksheet part -> its range and rows
	names    []byte                // the defined names for xl/workbook.xml
	parts    []*part
	open     *part
	flate    *flate.Writer // one compressor, reset for each part: making one costs more than a small part
	failed   error         // a part that could not be made: Close writes nothing
}

// part is one compressed entry, kept until the archive is closed. A
// worksheet's is three deflate streams that make one when put end to end:
// its head (up to its rows), flushed to a byte boundary; its rows,
// likewise; and its tail, which ends the stream.
type part struct {
	name       string
	compressed bytes.Buffer // the whole part, or a worksheet's head
	rows       *rows        // a worksheet's rows, or nil
	tail       bytes.Buffer // a worksheet's tail
	crc        uint32
	size       uint64
	sheet      *sheetPart    // a worksheet's, or nil
	flate      *flate.Writer // the archive's, while this part is open
	whole      []byte        // the workbook part and a worksheet's head and tail, edited when the part ends
}

var _ excelize.ZipWriter = (*archive)(nil)

// Create starts a part; the previous one ends.
func (a *archive) Create(name string) (io.Writer, error) {
	if err := a.end(); err != nil {
		a.failed = err
		return nil, err
	}
	if a.flate == nil {
		fw, err := flate.NewWriter(io.Discard, flate.DefaultCompression)
		if err != nil {
			return nil, err
		}
		a.flate = fw
	}
	p := &part{name: name, sheet: a.sheets[name], flate: a.flate}
	a.flate.Reset(&p.compressed)
	a.open = p
	return p, nil
}

// AddFS is not used by excelize's save.
func (a *archive) AddFS(fs.FS) error { return errors.New("workbook archive: AddFS is not supported") }

// Write takes a part's bytes: the workbook part's and a worksheet's are
// kept until the part ends (a worksheet's are its head and tail alone),
// any other's are compressed at once.
func (p *part) Write(b []byte) (int, error) {
	if p.name == "xl/workbook.xml" || p.sheet != nil {
		p.whole = append(p.whole, b...)
		return len(b), nil
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
	switch {
	case p.name == "xl/workbook.xml" && a.names != nil:
		edited, err := insertDefinedNames(p.whole, a.names)
		if err != nil {
			return err
		}
		p.whole = edited
	case p.sheet != nil:
		if err := a.endSheet(p); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		a.parts = append(a.parts, p)
		return nil
	}
	if err := p.put(p.whole); err != nil {
		return err
	}
	if err := a.flate.Close(); err != nil {
		return err
	}
	a.parts = append(a.parts, p)
	return nil
}

// endSheet compresses a worksheet's head and tail around its rows: the
// head (mended, see fixSheetHead) up to and with <sheetData> and any rows
// excelize wrote (a table's header), the tail from </sheetData>.
func (a *archive) endSheet(p *part) error {
	at := bytes.LastIndex(p.whole, []byte("</sheetData>"))
	rowsAt := bytes.Index(p.whole, []byte("<sheetData"))
	if at < 0 || rowsAt < 0 || rowsAt > at {
		return errors.New("no <sheetData> to put the rows in")
	}
	head := append(fixSheetHead(p.whole[:rowsAt], p.sheet.used), p.whole[rowsAt:at]...)
	if err := p.put(head); err != nil {
		return err
	}
	if err := a.flate.Flush(); err != nil {
		return err
	}
	if r := p.sheet.rows; r != nil {
		p.rows = r
		p.crc = crc32Combine(p.crc, r.crc, r.size)
		p.size += uint64(r.size)
	}
	tail := p.whole[at:]
	a.flate.Reset(&p.tail)
	p.crc = crc32Combine(p.crc, crc32.ChecksumIEEE(tail), int64(len(tail)))
	p.size += uint64(len(tail))
	if _, err := a.flate.Write(tail); err != nil {
		return err
	}
	p.whole = nil
	return a.flate.Close()
}

// compressedSize is the length of the part's deflate stream.
func (p *part) compressedSize() uint64 {
	n := uint64(p.compressed.Len() + p.tail.Len())
	if p.rows != nil {
		n += uint64(p.rows.data.size)
	}
	return n
}

// writeTo writes the part's deflate stream.
func (p *part) writeTo(w io.Writer) error {
	if _, err := p.compressed.WriteTo(w); err != nil {
		return err
	}
	if p.rows != nil {
		if _, err := p.rows.data.WriteTo(w); err != nil {
			return err
		}
	}
	_, err := p.tail.WriteTo(w)
	return err
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
			CompressedSize64: p.compressedSize(), UncompressedSize64: p.size}
		h.SetModTime(a.modified) // CreateRaw, unlike CreateHeader, writes only the MS-DOS date fields
		w, err := zw.CreateRaw(h)
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		if err := p.writeTo(w); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	return zw.Close()
}

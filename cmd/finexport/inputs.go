package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"finexport/extract"
)

// input is one document to read: a path on disk, or an embedded sample.
type input struct {
	Name string
	Data []byte // set for embedded samples
}

// collectInputs expands FILE|DIR arguments: folders are walked recursively
// for .txt, .nc and .htm(l) files, in name order. Problems with paths are
// returned as errors, one per path; the paths that work are still used.
func collectInputs(args []string) ([]input, []error) {
	var out []input
	var errs []error
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, pathError(arg, err))
			continue
		}
		if !st.IsDir() {
			// A file named on the command line is read whatever it is, a
			// FIFO included; but a name no release has (notes.md) is the
			// same input error as a folder without releases.
			if !isReleaseName(filepath.Base(arg)) {
				errs = append(errs, fmt.Errorf("%s: not a release (%s files)", arg, extensionList("or")))
				continue
			}
			out = append(out, input{Name: arg})
			continue
		}
		before := len(out)
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, pathError(p, err))
				return nil
			}
			if d.IsDir() || !isReleaseName(d.Name()) {
				return nil
			}
			if regularFile(p, d) {
				out = append(out, input{Name: p})
			} else {
				// A FIFO or device named *.txt would hang the run or
				// read forever; named on the command line it is allowed.
				errs = append(errs, fmt.Errorf("%s: not a regular file; skipped", p))
			}
			return nil
		})
		if err != nil {
			errs = append(errs, pathError(arg, err))
		}
		if len(out) == before {
			errs = append(errs, fmt.Errorf("%s: folder holds no releases (%s files)", arg, extensionList("or")))
		}
	}
	return out, errs
}

// regularFile reports a folder entry that is a regular file, or a link to
// one.
func regularFile(p string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// releaseExtensions are the names of the files a folder's walk reads
// (any case): the usage text and the errors list them from here.
var releaseExtensions = []string{".txt", ".nc", ".htm", ".html"}

func isReleaseName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return !strings.HasPrefix(name, ".") && slices.Contains(releaseExtensions, ext)
}

// extensionList names the release extensions in a sentence: ".txt, .nc,
// .htm and .html" (conj "and").
func extensionList(conj string) string {
	n := len(releaseExtensions)
	return strings.Join(releaseExtensions[:n-1], ", ") + " " + conj + " " + releaseExtensions[n-1]
}

func pathError(p string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file or folder", p)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied", p)
	}
	return err
}

// sampleInputs returns the embedded sample filings.
func sampleInputs() []input {
	entries, _ := fs.ReadDir(samples, "samples")
	var out []input
	for _, e := range entries {
		data, _ := fs.ReadFile(samples, "samples/"+e.Name())
		out = append(out, input{Name: e.Name(), Data: data})
	}
	return out
}

// parseAll reads every input on all cores. Results keep the input order;
// a document that cannot be read gives an error instead of a filing. A
// file reached twice (by two paths, a link) is read once: a note says so.
// progress, when set, is told how many are done.
func parseAll(p *extract.Parser, inputs []input, progress func(done, total int)) ([]*extract.Filing, []error, []extract.Diagnostic) {
	filings := make([]*extract.Filing, len(inputs))
	errs := make([]error, len(inputs))
	read := func(i int) (*extract.Filing, error) { return parseOne(p, inputs[i], nil) }
	parseEach(len(inputs), read, progress, func(i int, f *extract.Filing, err error) { filings[i], errs[i] = f, err })
	var okFilings []*extract.Filing
	var errList []error
	var notes []extract.Diagnostic
	first := map[string]string{} // SHA-256 -> the name read first
	for i := range inputs {
		switch f := filings[i]; {
		case errs[i] != nil:
			errList = append(errList, errs[i])
		case first[f.SHA256] != "":
			notes = append(notes, sameFileNote(f.File, first[f.SHA256]))
		default:
			first[f.SHA256] = f.File
			okFilings = append(okFilings, f)
		}
	}
	return okFilings, errList, notes
}

// sameFileNote says that a file is another one read already.
func sameFileNote(name, first string) extract.Diagnostic {
	return extract.Diagnostic{File: name, Severity: extract.Note, Msg: "the same file as " + first + " (SHA-256); read once"}
}

// parseEach reads n inputs on all cores, input i by read(i), and hands
// each result, with its input's index, to use (called from several
// goroutines).
func parseEach(n int, read func(int) (*extract.Filing, error), progress func(done, total int), use func(int, *extract.Filing, error)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	var done atomic.Int64
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				f, err := read(i)
				use(i, f, err)
				if progress != nil {
					progress(int(done.Add(1)), n)
				}
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if progress != nil {
		progress(-1, n) // finished: clear the line
	}
}

// parseOne reads one input; with each set, its facts go to each as they
// are made and the filing keeps none (extract.Parser.ParseFacts).
func parseOne(p *extract.Parser, in input, each func(*extract.Filing, []extract.Fact)) (*extract.Filing, error) {
	return readInput(in, func(r io.Reader) (*extract.Filing, error) {
		if each != nil {
			return p.ParseFacts(r, in.Name, each)
		}
		return p.Parse(r, in.Name)
	})
}

// parseStream reads one input, its facts going to each as they are made
// and its checks kept (extract.Parser.ParseStream).
func parseStream(p *extract.Parser, in input, each func(*extract.Filing, []extract.Fact)) (*extract.Filing, error) {
	return readInput(in, func(r io.Reader) (*extract.Filing, error) { return p.ParseStream(r, in.Name, each) })
}

// readInput hands an input's bytes, or its open file, to parse.
func readInput(in input, parse func(io.Reader) (*extract.Filing, error)) (*extract.Filing, error) {
	var r io.Reader = bytes.NewReader(in.Data)
	if in.Data == nil {
		fh, err := os.Open(in.Name)
		if err != nil {
			return nil, pathError(in.Name, err)
		}
		defer fh.Close()
		r = fh
	}
	return parse(r)
}

// newProgress returns a progress reporter that writes one line, rewritten
// in place, to w when w is a terminal and the work has taken more than a
// moment; otherwise nil.
func newProgress(w io.Writer) func(done, total int) {
	if p, ok := w.(printable); ok {
		w = p.w // the terminal behind the filter of control characters
	}
	fh, ok := w.(*os.File)
	if !ok {
		return nil
	}
	if st, err := fh.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	start := time.Now()
	var mu sync.Mutex
	var last time.Time
	shown := false
	return func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case done < 0:
			if shown {
				fmt.Fprint(fh, "\r\033[K")
			}
		case time.Since(start) > time.Second && time.Since(last) > 200*time.Millisecond:
			fmt.Fprintf(fh, "\rfinexport: read %d of %d releases", done, total)
			last, shown = time.Now(), true
		}
	}
}

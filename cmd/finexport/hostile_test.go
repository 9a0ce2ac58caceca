package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/extract/synthetic"
	"finexport/pdfreport"
	"finexport/workbook"
)

// Each hostile document gets a clear error or warning naming the file, and
// never a panic; what parses goes through the model, the workbook, the PDF
// and the CSV.
func TestHostileSuite(t *testing.T) {
	tests := []struct {
		file string
		err  string // a fatal error containing this, or
		warn string // a diagnostic containing this
	}{
		{"empty.txt", "empty.txt: empty file", ""},
		{"binary.txt", "binary.txt: not a text file", ""},
		{"nul_bytes.txt", "nul_bytes.txt: not a text file: NUL byte at line 3", ""},
		{"invalid_utf8.txt", "", "invalid_utf8.txt:3: warning: not UTF-8; read as Windows-1252"},
		{"wide_5000_columns.txt", "", "wide_5000_columns.txt:3: warning: 5000 columns resolve to no period"},
		{"unclosed_table.txt", "", "unclosed_table.txt:3: warning: unclosed <TABLE>"},
		{"nested_table.txt", "", "nested_table.txt:8: warning: <TABLE> opened inside the <TABLE> of line 3"},
		{"no_period.txt", "", "no_period.txt:3: warning: 2 columns resolve to no period"},
		{"duplicate_tables.txt", "", "duplicate_tables.txt:13: warning: this table repeats the periods of the table at line 4 with different figures: revenue 3 months to 2004-03-31 is 1000 at line 8 and 1100 at line 17"},
		{"formula_labels.txt", "", ""},
		{"evil_company.txt", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("../../testdata/hostile", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			f, err := (&extract.Parser{}).Parse(bytes.NewReader(raw), tt.file)
			if errors.Is(err, extract.ErrInternal) {
				t.Fatalf("panic: %v", err)
			}
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var diags []string
			for _, d := range f.Diagnostics {
				diags = append(diags, d.Error())
			}
			if tt.warn != "" && !strings.Contains(strings.Join(diags, "\n"), tt.warn) {
				t.Errorf("warnings:\n%s\nwant %q", strings.Join(diags, "\n"), tt.warn)
			}
			renderAll(t, f)
		})
	}
}

// renderAll takes a filing through every output.
func renderAll(t *testing.T, f *extract.Filing) {
	t.Helper()
	for _, c := range model.Build([]*extract.Filing{f}, model.Options{}) {
		if err := workbook.Write(&bytes.Buffer{}, c); err != nil {
			t.Errorf("workbook: %v", err)
		}
		if err := pdfreport.Write(&bytes.Buffer{}, c, pdfreport.Options{}); err != nil {
			t.Errorf("pdf: %v", err)
		}
	}
	if err := extract.WriteFactsCSV(&bytes.Buffer{}, f.Facts); err != nil {
		t.Errorf("csv: %v", err)
	}
}

// Labels that start like formulas are escaped in the CSV; the workbook
// test of the same kind is in the workbook package.
func TestHostileLabelsEscapedInCSV(t *testing.T) {
	code, out, _ := runT(t, "facts", abs(t, "../../testdata/hostile/formula_labels.txt"))
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{`"'=HYPERLINK(""http://x"",""y"")"`, ",'+Other gains,", ",'-Losses on disposal,", ",'@SUM(A1:A9),"} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %s", want)
		}
	}
}

// A company named with path separators and control characters still gets
// a safe file, inside the output folder.
func TestHostileCompanyNameGivesSafeFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, _, errs := runT(t, "build", "-o", out, abs(t, "../../testdata/hostile/evil_company.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, "|") != "Evil Corp Inc.pdf|Evil Corp Inc.xlsx" {
		t.Errorf("files %q", names)
	}
	parent, _ := os.ReadDir(filepath.Dir(out))
	if len(parent) != 1 {
		t.Errorf("something was written beside the output folder: %d entries", len(parent))
	}
}

// A 20 MB release with 100,000 table rows, generated here, not committed:
// refused over the size limit, read when the limit is raised, and
// rendered. Its time and memory are measured by BenchmarkHugeRelease.
func TestHugeRelease(t *testing.T) {
	if testing.Short() {
		t.Skip("large")
	}
	want, limit := 100000, int64(10<<20) // rows of about 210 bytes: 20 MB
	if raceBuild {
		want, limit = 5000, 512<<10 // 1 MB: the race detector is 10-50 times slower
	}
	doc := synthetic.Big(1, want, 170)
	if int64(len(doc.Data)) <= limit {
		t.Fatalf("generated %d bytes, want over the limit of %d", len(doc.Data), limit)
	}
	_, err := (&extract.Parser{MaxSize: limit}).Parse(bytes.NewReader(doc.Data), doc.Name)
	if !errors.Is(err, extract.ErrTooLarge) || !strings.Contains(err.Error(), "raise the limit") {
		t.Errorf("over the limit: %v", err)
	}
	f, err := (&extract.Parser{MaxSize: 64 << 20}).Parse(bytes.NewReader(doc.Data), doc.Name)
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, tb := range f.Tables {
		rows += len(tb.Rows)
	}
	if rows < want {
		t.Errorf("%d rows read, want %d", rows, want)
	}
	renderAll(t, f)
}

package main

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func needTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("FINEXPORT_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required: %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
	return path
}

// The PDF shows the workbook's figures exactly as the workbook displays
// them: LibreOffice's displayed text of the comparison sheet stands, row by
// row, in the PDF's headline tables (the quarter, and the year to date when
// the sheet has one). The samples are shown in thousands, the variant in
// millions.
func TestPDFShowsWhatTheWorkbookShows(t *testing.T) {
	for _, tt := range []struct {
		input, file, sheet string
		rows               int // headline rows x (quarter, year to date)
	}{
		// Revenue, gross profit, total operating expenses, net income.
		{"../../testdata/filings", "ThermoGenesis Corp", "Q2 FY2004 vs Q2 FY2003", 8},
		// The same but total operating expenses, which it does not report.
		{"../../testdata/variants/brightwater_submission_52week_millions.txt", "Brightwater Foods Corp", "Q4 FY2003 vs Q4 FY2002", 6},
	} {
		t.Run(tt.file, func(t *testing.T) { pdfShowsWorkbook(t, tt.input, tt.file, tt.sheet, tt.rows) })
	}
}

func pdfShowsWorkbook(t *testing.T, input, file, sheet string, rows int) {
	soffice, pdftotext := needTool(t, "soffice"), needTool(t, "pdftotext")
	dir := t.TempDir()
	if code, _, errs := runT(t, "build", "-o", dir, abs(t, input)); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "csv")
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to",
		"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out, filepath.Join(dir, file+".xlsx"))
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	fh, err := os.Open(filepath.Join(out, file+"-"+sheet+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.FieldsPerRecord = -1
	shown, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	text, err := exec.CommandContext(ctx, pdftotext, "-layout", "-f", "1", "-l", "1", filepath.Join(dir, file+".pdf"), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pdfLines := strings.Split(string(text), "\n")
	checked := 0
	for _, row := range shown {
		if len(row) < 6 || (row[0] != "Revenue" && row[0] != "Gross profit" && row[0] != "Total operating expenses" && row[0] != "Net income (loss)") {
			continue
		}
		for _, cols := range [][2]int{{2, 6}, {7, 11}} {
			if len(row) < cols[1] || strings.TrimSpace(row[cols[0]]) == "" {
				continue
			}
			want := []string{}
			for _, v := range row[cols[0]:cols[1]] {
				want = append(want, strings.TrimSpace(v))
			}
			found := false
			for _, l := range pdfLines {
				found = found || containsAll(l, want)
			}
			if !found {
				t.Errorf("the workbook shows %s as %q; the PDF does not", row[0], want)
			}
			checked++
		}
	}
	if checked != rows {
		t.Errorf("compared %d rows, want %d", checked, rows)
	}
}

func containsAll(line string, parts []string) bool {
	for _, p := range parts {
		i := strings.Index(line, p)
		if i < 0 {
			return false
		}
		line = line[i+len(p):]
	}
	return true
}

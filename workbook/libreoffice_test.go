package workbook

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"finexport/extract"
	"finexport/extract/model"

	"github.com/xuri/excelize/v2"
)

// requireTool finds a command the test needs. Without it the test is
// skipped, unless FINEXPORT_REQUIRE_TOOLS=1 (as in CI), when it fails.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("FINEXPORT_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (Debian: libreoffice-calc-nogui): %v", name, err)
		}
		t.Skipf("%s not installed", name)
	}
	return path
}

// recalculate has LibreOffice open the workbook, recalculate it and write
// every sheet as CSV of raw values: book-<Sheet>.csv.
func recalculate(t *testing.T, xlsx string) map[string][][]string {
	t.Helper()
	soffice := requireTool(t, "soffice")
	dir := t.TempDir()
	// A private profile that recalculates every formula on load: by
	// default LibreOffice trusts the cached values of an .xlsx, and the
	// test would compare the cache with itself.
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(alwaysRecalculate), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+profile, "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", dir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	sheets := map[string][][]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "book-*.csv"))
	for _, file := range files {
		fh, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(fh)
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		fh.Close()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		sheets[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(file), "book-"), ".csv")] = recs
	}
	return sheets
}

const alwaysRecalculate = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// asNumber reads a LibreOffice CSV value: "6.38297872%" is 0.0638297872.
func asNumber(s string) (float64, bool) {
	scale := 1.0
	if p, ok := strings.CutSuffix(s, "%"); ok {
		s, scale = p, 0.01
	}
	v, err := strconv.ParseFloat(s, 64)
	return v * scale, err == nil
}

func nearlyEqual(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a))
}

func at(recs [][]string, row, col int) string {
	if row < len(recs) && col < len(recs[row]) {
		return recs[row][col]
	}
	return ""
}

func TestLibreOfficeAgreesWithTheModel(t *testing.T) {
	companies := []*model.Company{sampleCompany(t), conflictedCompany(t),
		burnCompany(t, func(s string) string { return s }), burnCompany(t, generating)}
	for _, doc := range []string{"acme_dec_thousands_crlf_cp1252.txt", "brightwater_submission_52week_millions.txt", "sunrise_52week_q1.txt"} {
		companies = append(companies, model.Build([]*extract.Filing{parseFile(t, "../testdata/variants/"+doc)}, model.Options{})...)
	}
	for i, c := range companies {
		t.Run(fmt.Sprint(i, " ", c.Name), func(t *testing.T) { agreesWithModel(t, c) })
	}
}

func agreesWithModel(t *testing.T, c *model.Company) {
	lo, formulas := recalculatesToCache(t, c)
	if formulas < 100 {
		t.Errorf("only %d formulas checked", formulas)
	}
	checkPeriodSheetsHoldTheFacts(t, c, lo)
}

// recalculatesToCache has LibreOffice recalculate the company's workbook
// and checks that every formula gives the value it carries and that no
// cell holds an error value. It returns the recalculated sheets and how
// many formulas it compared.
func recalculatesToCache(t *testing.T, c *model.Company) (map[string][][]string, int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, render(t, c), 0o644); err != nil {
		t.Fatal(err)
	}
	lo := recalculate(t, path)
	f := open(t, render(t, c))
	if len(lo) != len(f.GetSheetList()) {
		t.Fatalf("LibreOffice wrote %d sheets, the workbook has %d", len(lo), len(f.GetSheetList()))
	}
	formulas := 0
	for _, sheet := range f.GetSheetList() {
		recs := lo[sheet]
		for r, row := range recs {
			for col, v := range row {
				for _, bad := range []string{"#REF!", "#NAME?", "#DIV/0!", "#VALUE!", "#N/A", "Err:"} {
					if strings.Contains(v, bad) {
						t.Errorf("%s row %d col %d: %s", sheet, r+1, col+1, v)
					}
				}
			}
		}
		rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		for r, row := range rows {
			for col := range row {
				ref, _ := excelize.CoordinatesToCellName(col+1, r+1)
				formula, _ := f.GetCellFormula(sheet, ref)
				if formula == "" {
					continue
				}
				formulas++
				cachedValue, recalculated := row[col], at(recs, r, col)
				want, isNum := strconv.ParseFloat(cachedValue, 64)
				got, ok := asNumber(recalculated)
				switch {
				case isNum == nil && (!ok || !nearlyEqual(got, want)):
					t.Errorf("%s!%s =%s: LibreOffice %q, cached %s", sheet, ref, formula, recalculated, cachedValue)
				case isNum != nil && recalculated != cachedValue:
					t.Errorf("%s!%s =%s: LibreOffice %q, cached %q", sheet, ref, formula, recalculated, cachedValue)
				}
			}
		}
	}
	return lo, formulas
}

// The period sheets hold exactly the model's figures: each fact where the
// layout puts it, and no other figure in the value columns.
func checkPeriodSheetsHoldTheFacts(t *testing.T, company *model.Company, lo map[string][][]string) {
	t.Helper()
	l := planLayout(company)
	placed := map[string]bool{}
	for _, fact := range company.Facts {
		target := l.cellOf(company, fact)
		sheet, ref, _ := strings.Cut(target, "!")
		sheet = strings.Trim(sheet, "'")
		col, row, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		placed[sheet+"!"+ref] = true
		got, ok := asNumber(at(lo[sheet], row-1, col-1))
		want, _ := fact.Value.Float64()
		if !ok || !nearlyEqual(got, want) {
			t.Errorf("%s %s at %s: sheet shows %q, model %s", fact.Item, fact.Period.Name, target, at(lo[sheet], row-1, col-1), fact.Value)
		}
	}
	for _, ps := range l.periods {
		for r, row := range lo[ps.name] {
			if r+1 <= headerRow || r+1 >= l.metricRow["gross_margin"]-1 && r+1 < l.otherRow {
				continue // titles and margins
			}
			for _, col := range []int{colMain, colYTD} {
				ref, _ := excelize.CoordinatesToCellName(col, r+1)
				if _, isNum := asNumber(at(lo[ps.name], r, col-1)); isNum && !placed[ps.name+"!"+ref] {
					t.Errorf("%s!%s holds %q, which is no fact of the model", ps.name, ref, row[col-1])
				}
			}
		}
	}
	if len(placed) != len(company.Facts) {
		t.Errorf("%d cells for %d facts", len(placed), len(company.Facts))
	}
}

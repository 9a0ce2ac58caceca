package workbook

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/extract/synthetic"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// benchCompany is one generated company with 40 quarterly releases.
func benchCompany(b *testing.B) *model.Company {
	var fs []*extract.Filing
	for _, d := range synthetic.Generate(1, 1, 40) {
		f, err := (&extract.Parser{}).Parse(bytes.NewReader(d.Data), d.Name)
		if err != nil {
			b.Fatal(err)
		}
		fs = append(fs, f)
	}
	return model.Build(fs, model.Options{})[0]
}

// BenchmarkWorkbook renders one company with 40 quarterly releases; the
// per-sheet metric divides by its period sheets.
func BenchmarkWorkbook(b *testing.B) {
	c := benchCompany(b)
	sheets := len(planLayout(c).periods)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := Write(&bytes.Buffer{}, c); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*sheets), "µs/period-sheet")
}

// wideBalanceSheet is one release with a balance sheet at n quarter ends.
func wideBalanceSheet(n int) *extract.Filing {
	f := &extract.Filing{File: "wide.txt", Company: "Acme Widgets Inc.", ReleaseDate: time.Date(2004, 2, 13, 0, 0, 0, 0, time.UTC)}
	start := time.Date(1900, 3, 31, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		end := start.AddDate(0, 3*i+1, -start.Day()) // the last day of every third month
		for j, item := range []string{"cash", "current_assets", "current_liabilities"} {
			f.Facts = append(f.Facts, extract.Fact{Document: f.File, Company: f.Company, Statement: extract.Balance,
				Item: item, Label: item, Period: extract.Period{End: end}, Value: decimal.NewFromInt(int64(1000*(j+1) + i)),
				Unit: extract.USD, Resolution: decimal.NewFromInt(1), Source: extract.Source{File: f.File, Line: 10 + j}, Table: 0, Row: j})
		}
	}
	return f
}

// BenchmarkWideBalanceSheet writes the workbook of a balance sheet with
// many dates: the cost per date stays flat as the dates grow (the
// Liquidity sheet sets its column widths in runs, not one at a time).
func BenchmarkWideBalanceSheet(b *testing.B) {
	for _, n := range []int{250, 500, 1000, 2000} {
		b.Run(fmt.Sprintf("dates=%d", n), func(b *testing.B) {
			c := model.Build([]*extract.Filing{wideBalanceSheet(n)}, model.Options{})[0]
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := Write(io.Discard, c); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/date")
		})
	}
}

// BenchmarkExcelizeFloor writes the cells of BenchmarkWorkbook's workbook
// (values, formulas and styles, sheet by sheet) with excelize's stream
// writer and nothing else: the floor that Write is measured against.
func BenchmarkExcelizeFloor(b *testing.B) {
	var buf bytes.Buffer
	if err := Write(&buf, benchCompany(b)); err != nil {
		b.Fatal(err)
	}
	src, err := excelize.OpenReader(&buf)
	if err != nil {
		b.Fatal(err)
	}
	type sheetCells struct {
		name string
		rows [][]excelize.Cell
	}
	var sheets []sheetCells
	styles := map[int]*excelize.Style{}
	for _, name := range src.GetSheetList() {
		rows, err := src.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			b.Fatal(err)
		}
		sc := sheetCells{name: name}
		for r, row := range rows {
			var cells []excelize.Cell
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, _ := src.GetCellFormula(name, ref)
				id, _ := src.GetCellStyle(name, ref)
				if _, ok := styles[id]; !ok {
					styles[id], _ = src.GetStyle(id)
				}
				cells = append(cells, excelize.Cell{StyleID: id, Formula: formula, Value: v})
			}
			sc.rows = append(sc.rows, cells)
		}
		sheets = append(sheets, sc)
	}
	b.ResetTimer()
	for b.Loop() {
		f := excelize.NewFile()
		ids := map[int]int{}
		for id, st := range styles {
			if ids[id], err = f.NewStyle(st); err != nil {
				b.Fatal(err)
			}
		}
		for i, sc := range sheets {
			if i == 0 {
				f.SetSheetName("Sheet1", sc.name)
			} else if _, err := f.NewSheet(sc.name); err != nil {
				b.Fatal(err)
			}
			sw, err := f.NewStreamWriter(sc.name)
			if err != nil {
				b.Fatal(err)
			}
			for r, row := range sc.rows {
				cells := make([]any, len(row))
				for c, cell := range row {
					cell.StyleID = ids[cell.StyleID]
					cells[c] = cell
				}
				ref, _ := excelize.CoordinatesToCellName(1, r+1)
				if err := sw.SetRow(ref, cells); err != nil {
					b.Fatal(err)
				}
			}
			if err := sw.Flush(); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := f.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

package extract

func (ctx *docContext) readProse(f *Filing, prose []line) {}

func (ctx *docContext) proseChecks(f *Filing) []Check { return nil }

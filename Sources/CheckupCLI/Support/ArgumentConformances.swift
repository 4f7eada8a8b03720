public import ArgumentParser
import CheckupCore
import InspectionRecords

// The values options take, parsed once by ArgumentParser: a bad one is refused before any
// work, exit 3 with what was expected (`<YYYY-MM>`, the list of formats or languages).

extension Language: ExpressibleByArgument {}

extension EvidencePlacement: ExpressibleByArgument {}

extension Month: ExpressibleByArgument {}

extension Quarter: ExpressibleByArgument {}

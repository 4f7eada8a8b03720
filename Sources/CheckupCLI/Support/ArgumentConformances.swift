import ArgumentParser
import CheckupCore
import InspectionRecords

extension Language: ExpressibleByArgument {}

extension EvidencePlacement: ExpressibleByArgument {}

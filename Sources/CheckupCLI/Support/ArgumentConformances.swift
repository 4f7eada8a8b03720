import ArgumentParser
import CheckupCore

extension Language: ExpressibleByArgument {}

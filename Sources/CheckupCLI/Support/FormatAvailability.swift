import InspectionRecords

/// Fails before any work when a record format cannot be produced on this machine.
enum FormatAvailability {
    /// PDF needs weasyprint: a run must not probe a whole site and then fail on the PDF.
    static func check(_ formats: [RecordFormat]) throws {
        if formats.contains(.pdf) { try PDFRenderer.checkAvailable() }
    }
}

import ArgumentParser
import SiteGenerator

/// `timeline --format html|ics|json|text`.
extension PersonalTimelines.Format: ExpressibleByArgument {}

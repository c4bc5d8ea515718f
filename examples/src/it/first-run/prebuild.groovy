// The getting-started project as a new user has it before the first run: its pom.xml and sources, no migration yet.
import java.nio.file.Files
import java.nio.file.StandardCopyOption

def from = new File(basedir, '../getting-started').toPath()
def to = basedir.toPath()
Files.copy(from.resolve('pom.xml'), to.resolve('pom.xml'), StandardCopyOption.REPLACE_EXISTING)
def sources = from.resolve('src/main/java')
Files.walk(sources).withCloseable { paths ->
  paths.filter { Files.isRegularFile(it) }.each { file ->
    def target = to.resolve('src/main/java').resolve(sources.relativize(file).toString())
    Files.createDirectories(target.parent)
    Files.copy(file, target)
  }
}
assert !Files.exists(to.resolve('src/main/resources/db/migration'))
return true

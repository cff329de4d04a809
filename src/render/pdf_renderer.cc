// The PDF renderer: the DOCX of docx_renderer.cc converted by LibreOffice, headless, with a
// private user profile in a temporary directory (so concurrent conversions do not share a
// profile lock), run without a shell and stopped after kConversionTimeoutSeconds.
//
// Fonts: the DOCX names the fonts of official documents (仿宋_GB2312, 宋体, 方正小标宋简体, 黑体),
// which Linux machines rarely have; fontconfig would then pick any face, often a Latin one. The
// conversion therefore runs with a private fontconfig file that includes the system's and maps
// each official font to the same font if present, else to a free CJK font of the same kind
// (Noto Serif CJK for 仿宋/宋体/小标宋, Noto Sans CJK for 黑体). PdfFontSubstitutions asks
// fontconfig, with that same file, which font each official one becomes.
//
// A batch (RenderReports) is converted by one LibreOffice process with one profile: soffice
// --convert-to over all the DOCX files. LibreOffice runs in its own process group and with its
// own GNUPGHOME, and whatever it leaves behind (a gpg-agent, an oosplash) is stopped after it.
#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string_view>
#include <thread>
#include <vector>

#include "escape.h"
#include "gongkai/render.h"
#include "renderers.h"
#include "gongkai/file.h"
#include "temp_dir.h"

extern char** environ;

namespace gongkai::render_internal {
namespace {

// LibreOffice needs a few seconds to start (more on its first start with a new profile) and
// about a second per document.
constexpr int kConversionTimeoutSeconds = 180;
constexpr int kSecondsPerDocument = 30;

// The fonts the DOCX asks for.
constexpr const char* kOfficialFonts[] = {"仿宋_GB2312", "宋体", "方正小标宋简体", "黑体"};

// Returns the full path of `program`, searching PATH when it has no '/'; "" if not found.
std::string FindProgram(const std::string& program) {
  if (program.find('/') != std::string::npos) {
    return access(program.c_str(), X_OK) == 0 ? program : "";
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

// Fontconfig aliases for the official fonts, included after the system configuration.
std::string FontConfig() {
  const char* user = std::getenv("FONTCONFIG_FILE");
  std::string base = user && *user ? user : "/etc/fonts/fonts.conf";
  std::string out =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
      "  <include ignore_missing=\"yes\">" + EscapeMarkup(base) + "</include>\n";
  struct Alias {
    const char* family;
    const char* prefer;
  };
  for (Alias a : {Alias{"仿宋_GB2312", "<family>仿宋_GB2312</family><family>FangSong</family><family>仿宋</family>"
                                       "<family>Noto Serif CJK SC</family><family>Source Han Serif SC</family>"},
                  Alias{"宋体", "<family>宋体</family><family>SimSun</family><family>Noto Serif CJK SC</family>"
                                "<family>Source Han Serif SC</family>"},
                  Alias{"方正小标宋简体", "<family>方正小标宋简体</family><family>Noto Serif CJK SC</family>"
                                          "<family>Source Han Serif SC</family>"},
                  Alias{"黑体", "<family>黑体</family><family>SimHei</family><family>Noto Sans CJK SC</family>"
                                "<family>Source Han Sans SC</family>"}}) {
    out += std::string("  <alias binding=\"same\"><family>") + a.family + "</family><prefer>" + a.prefer +
           "</prefer></alias>\n";
  }
  out += "</fontconfig>\n";
  return out;
}

Status WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) return IoError(path + ": 写入失败 (write failed)");
  return Status::Ok();
}

// Runs argv[0] with its output sent to `log` and `extra_env` ("NAME=value", replacing NAME)
// added to the environment; returns its exit status or an error.
StatusOr<int> Run(const std::vector<std::string>& args, const std::string& log,
                  const std::vector<std::string>& extra_env, int timeout_seconds) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view entry(*e);
    bool replaced = false;
    for (const std::string& x : extra_env) {
      size_t eq = x.find('=');
      if (entry.substr(0, eq + 1) == std::string_view(x).substr(0, eq + 1)) replaced = true;
    }
    if (!replaced) envp.push_back(*e);
  }
  for (const std::string& x : extra_env) envp.push_back(const_cast<char*>(x.c_str()));
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  // Its own process group, so that whatever it starts can be stopped with it.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    return IoError(args[0] + ": 无法启动 (cannot start): " + std::strerror(rc));
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  int status = 0;
  while (true) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return IoError(args[0] + ": waitpid: " + std::strerror(errno));
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return IoError(args[0] + ": 转换超时（" + std::to_string(timeout_seconds) +
                     " 秒） (conversion timed out)");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(-pid, SIGKILL);  // leftovers in its process group (oosplash, soffice.bin); ESRCH if none
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

std::string Basename(size_t i) {
  char name[32];
  std::snprintf(name, sizeof name, "report-%05zu", i);
  return name;
}

// Stops a gpg-agent LibreOffice may have started for the private GNUPGHOME `home`.
void StopGpgAgent(const std::string& home, const std::string& log) {
  if (access((home + "/S.gpg-agent").c_str(), F_OK) != 0) return;
  std::string gpgconf = FindProgram("gpgconf");
  if (gpgconf.empty()) return;
  (void)Run({gpgconf, "--homedir", home, "--kill", "gpg-agent"}, log, {}, 10);
}

}  // namespace

StatusOr<std::string> RenderPdf(const AnnualReport& report, const RenderOptions& options) {
  std::vector<StatusOr<std::string>> out = RenderPdfBatch({&report}, options);
  return std::move(out.front());
}

std::vector<StatusOr<std::string>> RenderPdfBatch(const std::vector<const AnnualReport*>& reports,
                                                  const RenderOptions& options) {
  std::vector<StatusOr<std::string>> docx;
  docx.reserve(reports.size());
  for (const AnnualReport* report : reports) docx.push_back(RenderDocx(*report));
  return DocxToPdfBatch(docx, options);
}

StatusOr<std::string> DocxToPdf(const std::string& docx, const RenderOptions& options) {
  std::vector<StatusOr<std::string>> out = DocxToPdfBatch({docx}, options);
  return std::move(out.front());
}

std::vector<StatusOr<std::string>> DocxToPdfBatch(const std::vector<StatusOr<std::string>>& docx,
                                                  const RenderOptions& options) {
  auto all = [&](const Status& s) { return std::vector<StatusOr<std::string>>(docx.size(), s); };
  std::string soffice = FindProgram(options.soffice);
  if (soffice.empty()) {
    return all(FailedPreconditionError("生成 PDF 需要 LibreOffice，但找不到“" + options.soffice +
                                       "”，请安装 libreoffice-writer-nogui (PDF needs LibreOffice: " +
                                       options.soffice + " not found)"));
  }
  StatusOr<TempDir> dir = TempDir::Create(options.temp_dir);
  if (!dir.ok()) return all(dir.status());
  std::vector<StatusOr<std::string>> results;
  std::vector<std::string> inputs;
  for (size_t i = 0; i < docx.size(); ++i) {
    if (!docx[i].ok()) {
      results.push_back(docx[i].status());
      continue;
    }
    const std::string input = dir->path() + "/" + Basename(i) + ".docx";
    Status written = WriteFile(input, *docx[i]);
    if (!written.ok()) {
      results.push_back(written);
      continue;
    }
    inputs.push_back(input);
    results.emplace_back(std::string());
  }
  if (inputs.empty()) return results;
  const std::string log = dir->path() + "/soffice.log";
  const std::string fonts = dir->path() + "/fonts.conf";
  const std::string gnupg = dir->path() + "/gnupg";
  Status s = WriteFile(fonts, FontConfig());
  if (!s.ok()) return all(s);
  std::vector<std::string> args = {soffice,
                                   "-env:UserInstallation=file://" + dir->path() + "/profile",
                                   "--headless",
                                   "--norestore",
                                   "--nologo",
                                   "--nolockcheck",
                                   "--convert-to",
                                   "pdf:writer_pdf_Export",
                                   "--outdir",
                                   dir->path()};
  args.insert(args.end(), inputs.begin(), inputs.end());
  const int timeout = kConversionTimeoutSeconds + kSecondsPerDocument * static_cast<int>(inputs.size());
  StatusOr<int> exit_status =
      Run(args, log, {"FONTCONFIG_FILE=" + fonts, "GNUPGHOME=" + gnupg}, timeout);
  StopGpgAgent(gnupg, dir->path() + "/gpgconf.log");
  if (!exit_status.ok()) return all(exit_status.status());
  for (size_t i = 0; i < docx.size(); ++i) {
    if (!results[i].ok()) continue;
    StatusOr<std::string> pdf = ReadFileToString(dir->path() + "/" + Basename(i) + ".pdf");
    if (*exit_status != 0 || !pdf.ok() || pdf->substr(0, 5) != "%PDF-") {
      StatusOr<std::string> output = ReadFileToString(log);
      std::string detail = output.ok() ? output.value().substr(0, 500) : "";
      results[i] = IoError("LibreOffice 未能将 DOCX 转换为 PDF（退出码 " + std::to_string(*exit_status) +
                           "） (LibreOffice failed to convert the DOCX to PDF): " + detail);
    } else {
      results[i] = std::move(*pdf);
    }
  }
  return results;
}

}  // namespace gongkai::render_internal

namespace gongkai {

std::vector<FontSubstitution> PdfFontSubstitutions() {
  std::vector<FontSubstitution> out;
  FcConfig* config = FcConfigCreate();
  if (config == nullptr) return out;
  const std::string conf = render_internal::FontConfig();
  if (!FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(conf.c_str()), FcTrue) ||
      !FcConfigBuildFonts(config)) {
    FcConfigDestroy(config);
    return out;
  }
  for (const char* family : render_internal::kOfficialFonts) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>("zh-cn"));
    FcConfigSubstitute(config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(config, pattern, &result);
    std::string used;
    bool same = false;
    FcChar8* name = nullptr;
    for (int i = 0; match && FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
      std::string n = reinterpret_cast<const char*>(name);
      if (i == 0) used = n;
      if (n == family) same = true;
    }
    if (!same) out.push_back({family, used.empty() ? "?" : used});
    if (match) FcPatternDestroy(match);
    FcPatternDestroy(pattern);
  }
  FcConfigDestroy(config);
  return out;
}

}  // namespace gongkai

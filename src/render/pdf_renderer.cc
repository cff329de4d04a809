// The PDF renderer: the DOCX of docx_renderer.cc converted by LibreOffice, headless, with a
// private user profile in a temporary directory (so concurrent conversions do not share a
// profile lock), run without a shell and stopped after kConversionTimeoutSeconds.
//
// Fonts: the DOCX names the fonts of official documents (仿宋_GB2312, 宋体, 方正小标宋简体, 黑体),
// which Linux machines rarely have; fontconfig would then pick any CJK face, usually a sans
// one. The conversion therefore runs with a private fontconfig file that includes the
// system's and maps each official font to the same font if present, else to a free CJK font of
// the same kind (serif for 仿宋/宋体, sans for 黑体).
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string_view>
#include <thread>
#include <vector>

#include "escape.h"
#include "gongkai/file.h"
#include "gongkai/render.h"
#include "renderers.h"
#include "temp_dir.h"

extern char** environ;

namespace gongkai::render_internal {
namespace {

// LibreOffice needs a few seconds per document (more on its first start with a new profile).
constexpr int kConversionTimeoutSeconds = 180;

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
      "  <include ignore_missing=\"yes\">" +
      EscapeMarkup(base) + "</include>\n";
  struct Alias {
    const char* family;
    const char* prefer;
  };
  for (Alias a :
       {Alias{"仿宋_GB2312",
              "<family>仿宋_GB2312</family><family>FangSong</family><family>仿宋</family>"
              "<family>Noto Serif CJK SC</family><family>Source Han Serif SC</family>"},
        Alias{"宋体",
              "<family>宋体</family><family>SimSun</family><family>Noto Serif CJK SC</family>"
              "<family>Source Han Serif SC</family>"},
        Alias{"方正小标宋简体",
              "<family>方正小标宋简体</family><family>Noto Serif CJK SC</family>"
              "<family>Source Han Serif SC</family>"},
        Alias{"黑体",
              "<family>黑体</family><family>SimHei</family><family>Noto Sans CJK SC</family>"
              "<family>Source Han Sans SC</family>"}}) {
    out += std::string("  <alias binding=\"same\"><family>") + a.family + "</family><prefer>" +
           a.prefer + "</prefer></alias>\n";
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
                  const std::vector<std::string>& extra_env) {
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
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    return IoError(args[0] + ": 无法启动 (cannot start): " + std::strerror(rc));
  }
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(kConversionTimeoutSeconds);
  int status = 0;
  while (true) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return IoError(args[0] + ": waitpid: " + std::strerror(errno));
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return IoError(args[0] + ": 转换超时（" + std::to_string(kConversionTimeoutSeconds) +
                     " 秒） (conversion timed out)");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status)
                           : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

}  // namespace

StatusOr<std::string> RenderPdf(const AnnualReport& report, const RenderOptions& options) {
  GONGKAI_ASSIGN_OR_RETURN(std::string docx, RenderDocx(report));
  return DocxToPdf(docx, options);
}

StatusOr<std::string> DocxToPdf(const std::string& docx, const RenderOptions& options) {
  std::string soffice = FindProgram(options.soffice);
  if (soffice.empty()) {
    return FailedPreconditionError("生成 PDF 需要 LibreOffice，但找不到“" + options.soffice +
                                   "”，请安装 libreoffice-writer-nogui (PDF needs LibreOffice: " +
                                   options.soffice + " not found)");
  }
  GONGKAI_ASSIGN_OR_RETURN(TempDir dir, TempDir::Create(options.temp_dir));
  const std::string input = dir.path() + "/report.docx";
  GONGKAI_RETURN_IF_ERROR(WriteFile(input, docx));
  const std::string log = dir.path() + "/soffice.log";
  const std::string fonts = dir.path() + "/fonts.conf";
  GONGKAI_RETURN_IF_ERROR(WriteFile(fonts, FontConfig()));
  std::vector<std::string> args = {soffice,
                                   "-env:UserInstallation=file://" + dir.path() + "/profile",
                                   "--headless",
                                   "--norestore",
                                   "--nologo",
                                   "--convert-to",
                                   "pdf:writer_pdf_Export",
                                   "--outdir",
                                   dir.path(),
                                   input};
  GONGKAI_ASSIGN_OR_RETURN(int exit_status, Run(args, log, {"FONTCONFIG_FILE=" + fonts}));
  StatusOr<std::string> pdf = ReadFileToString(dir.path() + "/report.pdf");
  if (exit_status != 0 || !pdf.ok() || pdf->substr(0, 5) != "%PDF-") {
    StatusOr<std::string> output = ReadFileToString(log);
    std::string detail = output.ok() ? output.value().substr(0, 500) : "";
    return IoError("LibreOffice 未能将 DOCX 转换为 PDF（退出码 " + std::to_string(exit_status) +
                   "） (LibreOffice failed to convert the DOCX to PDF): " + detail);
  }
  return pdf;
}

}  // namespace gongkai::render_internal

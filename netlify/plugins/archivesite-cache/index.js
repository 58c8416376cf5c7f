// Keeps the .NET SDK, NuGet packages, the theme's npm packages, the incremental build cache and the last
// published output between Netlify builds. Netlify clones the repository fresh each time; only what a plugin
// saves survives. The output is kept because a build writes only the files that changed since the last one
// (the manifest in the build cache says which those are; a file that no longer matches it is made again).
const cachedPaths = ['.dotnet', '.nuget/packages', 'theme/node_modules', '.archivesite-cache', 'output'];

module.exports = {
  async onPreBuild({ utils }) {
    await utils.cache.restore(cachedPaths);
  },
  // Saved only after a successful build, so a broken build never poisons the next one.
  async onSuccess({ utils }) {
    await utils.cache.save(cachedPaths);
  },
};

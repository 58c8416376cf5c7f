// Keeps the .NET SDK, NuGet packages, the theme's npm packages and the incremental build cache between
// Netlify builds. Netlify clones the repository fresh each time; only what a plugin saves survives.
const cachedPaths = ['.dotnet', '.nuget/packages', 'theme/node_modules', '.archivesite-cache'];

module.exports = {
  async onPreBuild({ utils }) {
    await utils.cache.restore(cachedPaths);
  },
  // Saved only after a successful build, so a broken build never poisons the next one.
  async onSuccess({ utils }) {
    await utils.cache.save(cachedPaths);
  },
};

<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Template of the imagery chips' style (trafficking:extractimagerychips): true colour from the
     chosen bands, each stretched over its 2-98 % cumulative cut. The core fills the placeholders and
     writes one copy beside each chip, so QGIS opens every chip looking right. -->
<qgis version="3.22.16-Białowieża" hasScaleBasedVisibilityFlag="0" styleCategories="AllStyleCategories" minScale="1e+08" maxScale="0">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <pipe>
    <provider>
      <resampling zoomedOutResamplingMethod="bilinear" zoomedInResamplingMethod="cubic" maxOversampling="2" enabled="true"/>
    </provider>
    <rasterrenderer alphaBand="$alpha_band" opacity="1" redBand="$red_band" greenBand="$green_band" blueBand="$blue_band" type="multibandcolor" nodataColor="">
      <rasterTransparency/>
      <minMaxOrigin>
        <limits>CumulativeCut</limits>
        <extent>WholeRaster</extent>
        <statAccuracy>Exact</statAccuracy>
        <cumulativeCutLower>$cut_lower</cumulativeCutLower>
        <cumulativeCutUpper>$cut_upper</cumulativeCutUpper>
        <stdDevFactor>2</stdDevFactor>
      </minMaxOrigin>
      <redContrastEnhancement>
        <minValue>$red_min</minValue>
        <maxValue>$red_max</maxValue>
        <algorithm>StretchToMinimumMaximum</algorithm>
      </redContrastEnhancement>
      <greenContrastEnhancement>
        <minValue>$green_min</minValue>
        <maxValue>$green_max</maxValue>
        <algorithm>StretchToMinimumMaximum</algorithm>
      </greenContrastEnhancement>
      <blueContrastEnhancement>
        <minValue>$blue_min</minValue>
        <maxValue>$blue_max</maxValue>
        <algorithm>StretchToMinimumMaximum</algorithm>
      </blueContrastEnhancement>
    </rasterrenderer>
    <brightnesscontrast gamma="1" contrast="0" brightness="0"/>
    <huesaturation saturation="0" colorizeOn="0" colorizeStrength="100" invertColors="0" colorizeRed="255" colorizeBlue="128" grayscaleMode="0" colorizeGreen="128"/>
    <rasterresampler maxOversampling="2"/>
    <resamplingStage>resamplingFilter</resamplingStage>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
